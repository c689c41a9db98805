namespace Jar.SampleHost.Data;

/// <summary>How far <see cref="DatabaseInitializer"/> sets the database up: a command asks for what it uses, the server for all of it.</summary>
[Flags]
internal enum DatabaseSetup
{
    /// <summary>Nothing: the command does not touch the database.</summary>
    None = 0,

    /// <summary>The schema at the latest migration (applied only when one is pending).</summary>
    Schema = 1,

    /// <summary>The configured JAR policies stored for clients that have none yet.</summary>
    Policies = 2 | Schema,

    /// <summary>The demo clients registered with OpenIddict as configuration and their stored policies say.</summary>
    Registrations = 4 | Policies,

    /// <summary>Everything the server needs.</summary>
    All = Registrations,
}
