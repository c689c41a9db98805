namespace Jar.SampleHost.Hardening;

/// <summary>Where the host keeps consumed request object <c>jti</c> values: <c>Jar:ReplayLedger</c>.</summary>
internal enum ReplayLedgerKind
{
    /// <summary>The <c>JarReplayEntries</c> table of the host's database (the default).</summary>
    Database,

    /// <summary>Redis, at <c>ConnectionStrings:Redis</c>: one <c>SET NX PX</c> per <c>jti</c>.</summary>
    Redis,
}
