namespace Jar.SampleHost.Endpoints;

/// <summary>
/// What the consent page shows and posts back, taken from the validated authorization request (so from the signed
/// request object when there was one), protected so a crafted link cannot show the user something else.
/// </summary>
/// <param name="Subject">The signed-in user the ticket was made for.</param>
/// <param name="ClientId">The client asking.</param>
/// <param name="ClientName">Its display name.</param>
/// <param name="Scopes">The scopes requested.</param>
/// <param name="RedirectUri">Where the answer goes.</param>
/// <param name="Parameters">The authorization request's own parameters, posted back with the decision.</param>
/// <param name="TrailId">The request's trail, as the decision that accepted it carried it.</param>
/// <param name="IntentHash">The intent hash the tokens will carry as <c>jar_intent</c>.</param>
/// <param name="RequestObjectHash">The SHA-256 of the signed request object; null for a plain request.</param>
public sealed record ConsentTicket(
    string Subject,
    string ClientId,
    string ClientName,
    IReadOnlyList<string> Scopes,
    string? RedirectUri,
    IReadOnlyDictionary<string, string> Parameters,
    string? TrailId = null,
    string? IntentHash = null,
    string? RequestObjectHash = null);
