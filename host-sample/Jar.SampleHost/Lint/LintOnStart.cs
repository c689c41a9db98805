namespace Jar.SampleHost.Lint;

/// <summary>What the host does with the registration lint when it starts (<c>Jar:Lint:OnStart</c>).</summary>
public enum LintOnStart
{
    /// <summary>No lint at start.</summary>
    Off,

    /// <summary>Lint, and log every finding; start whatever it finds.</summary>
    Warn,

    /// <summary>Lint, log every finding, and refuse to start when one is an error, naming it.</summary>
    Fail,
}
