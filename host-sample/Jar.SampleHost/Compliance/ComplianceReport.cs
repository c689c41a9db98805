using Jar.IdentityServer.Extensions.Lint;

namespace Jar.SampleHost.Compliance;

/// <summary>The compliance report: per client and for the server, each control with its evidence, the lint findings and the recent decisions.</summary>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="Days">How many days of decisions it counts.</param>
/// <param name="Clients">Each client's part.</param>
/// <param name="Server">The server's part.</param>
public sealed record ComplianceReport(DateTimeOffset GeneratedAt, int Days, IReadOnlyList<ClientCompliance> Clients, ServerCompliance Server);

/// <summary>A client's controls, lint findings and decisions.</summary>
/// <param name="ClientId">The client.</param>
/// <param name="Profile">Its policy's profile.</param>
/// <param name="PolicyOrigin">Where its policy is kept (Database, Configuration, Default) and its revision.</param>
/// <param name="Controls">Each control, in force or not, with its evidence.</param>
/// <param name="Findings">The lint findings about the client.</param>
/// <param name="Decisions">Its decisions in the period.</param>
public sealed record ClientCompliance(string ClientId, string Profile, string PolicyOrigin, IReadOnlyList<ControlEvidence> Controls, IReadOnlyList<JarLintFinding> Findings, DecisionSummary Decisions);

/// <summary>One control for one client: in force or not, and the policy setting with its value and source that says so.</summary>
/// <param name="Control">The control.</param>
/// <param name="InForce">Whether the client's policy puts it in force.</param>
/// <param name="Value">The setting's value.</param>
/// <param name="Source">Where the value comes from: <c>profile:&lt;name&gt;</c> or <c>override</c>.</param>
public sealed record ControlEvidence(ComplianceControl Control, bool InForce, string Value, string Source);

/// <summary>The decisions of one client (or all) in the period.</summary>
/// <param name="Accepted">Accepted requests.</param>
/// <param name="ReportOnly">Requests that broke a report-only policy and went through.</param>
/// <param name="RefusedByRule">Refused requests by the rule ids they broke (a refusal counts for each of its rules).</param>
/// <param name="Refused">Refused requests.</param>
public sealed record DecisionSummary(int Accepted, int ReportOnly, int Refused, IReadOnlyDictionary<string, int> RefusedByRule);

/// <summary>The server's part: the decision trail, and the server-wide lint findings.</summary>
/// <param name="DecisionTrailRecords">How many decision records the period holds (the trail is in force when the store is).</param>
/// <param name="Findings">The server-wide lint findings.</param>
/// <param name="RefusalsByDayAndRule">Refusals per day (UTC) and rule, for the chart.</param>
/// <param name="RefusalsByClient">Refusals per client, for the chart.</param>
public sealed record ServerCompliance(int DecisionTrailRecords, IReadOnlyList<JarLintFinding> Findings, IReadOnlyList<(DateOnly Day, string Rule, int Count)> RefusalsByDayAndRule, IReadOnlyDictionary<string, int> RefusalsByClient);
