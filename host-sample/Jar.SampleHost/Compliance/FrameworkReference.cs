namespace Jar.SampleHost.Compliance;

/// <summary>
/// One item of a framework a control maps to, with the framework's own id and title. <see cref="Interpretation"/>
/// marks a mapping the framework does not state itself: it is this project's reading of how the control serves it.
/// </summary>
/// <param name="Framework">The framework: <c>OWASP NHI Top 10 (2025)</c>, <c>NIST CSF 2.0</c>, <c>NIST SP 800-207</c>, <c>NIST SP 800-53 Rev. 5</c>, <c>FAPI 2.0</c>.</param>
/// <param name="Id">The item's id in the framework (<c>NHI5:2025</c>, <c>PR.AA-05</c>, <c>Tenet 6</c>, <c>SC-8</c>, <c>Security Profile §5.3.2.2</c>).</param>
/// <param name="Title">The item's title in the framework's words.</param>
/// <param name="Interpretation">True when the mapping is an interpretation, not a requirement the framework states for this control.</param>
public sealed record FrameworkReference(string Framework, string Id, string Title, bool Interpretation);
