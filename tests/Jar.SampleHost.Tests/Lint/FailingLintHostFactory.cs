namespace Jar.SampleHost.Tests.Lint;

/// <summary>As <see cref="LintHostFactory"/>, with <c>Jar:Lint:OnStart = Fail</c>: the host must refuse to start.</summary>
public sealed class FailingLintHostFactory : LintHostFactory
{
    protected override string OnStart => "Fail";
}
