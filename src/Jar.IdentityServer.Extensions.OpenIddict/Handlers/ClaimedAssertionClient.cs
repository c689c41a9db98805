using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>
/// The client a private_key_jwt assertion claims to be (RFC 7523 §3 items 1-2: <c>iss</c> and <c>sub</c> are the
/// client_id), read without validating the assertion.
/// </summary>
/// <remarks>
/// Unverified on purpose, and only ever used to refuse: OpenIddict validates the assertion later, in its own stage,
/// and refuses a forged one. A claimed client that differs from the request object's client_id can only make the
/// engine refuse (RFC 9126 §3 item 4), never accept.
/// </remarks>
internal static class ClaimedAssertionClient
{
    /// <summary>
    /// The client_id named by both <c>iss</c> and <c>sub</c> of a signed JWT assertion, or null when there is none, it
    /// is of another type, it cannot be read, or its <c>iss</c> and <c>sub</c> disagree (left to OpenIddict).
    /// </summary>
    public static string? Read(OpenIddictRequest request)
    {
        if (string.IsNullOrEmpty(request.ClientAssertion) ||
            !string.Equals(request.ClientAssertionType, ClientAssertionTypes.JwtBearer, StringComparison.Ordinal))
        {
            return null;
        }

        JsonWebToken assertion;
        try
        {
            assertion = new JsonWebToken(request.ClientAssertion);
        }
        catch (ArgumentException)
        {
            // Not a JWT at all (SecurityTokenMalformedException derives from ArgumentException): OpenIddict answers.
            return null;
        }

        if (assertion.IsEncrypted ||
            !assertion.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Iss, out var issuer) ||
            !assertion.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var subject) ||
            string.IsNullOrEmpty(issuer) || !string.Equals(issuer, subject, StringComparison.Ordinal))
        {
            return null;
        }

        return issuer;
    }
}
