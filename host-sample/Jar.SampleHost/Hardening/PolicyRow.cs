namespace Jar.SampleHost.Hardening;

/// <summary>One setting of a client's effective policy, as an operator reads it.</summary>
/// <param name="Setting">The setting's name, as in <c>Jar:Clients:&lt;id&gt;:Policy</c>.</param>
/// <param name="Value">Its effective value.</param>
/// <param name="Source"><c>profile:&lt;name&gt;</c> when the profile set it, <c>override</c> when the client's policy did.</param>
public sealed record PolicyRow(string Setting, string Value, string Source);
