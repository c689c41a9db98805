using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>
/// Runs the engine on an authorization or pushed authorization request right after the host has extracted its
/// parameters, and applies the decision: a refusal rejects the request; an accepted request object replaces the
/// request's parameters with the object's (RFC 9101 §6.3), before OpenIddict reads any of them.
/// </summary>
/// <remarks>
/// It must run in the Extract stage: OpenIddict reads the redirect URI once when it creates the Validate context,
/// and a rejection here is never redirected, so no error goes to a redirect URI that has not been proven.
/// </remarks>
internal sealed class ApplyJarDecision<TContext>(
    IJarRequestValidator validator,
    OpenIddictJarClients clients,
    ILogger<ApplyJarDecision<TContext>> logger) : IOpenIddictServerHandler<TContext>
    where TContext : BaseValidatingContext
{
    /// <summary>After the ASP.NET Core extraction handlers (the last of them, Basic credentials at PAR, is at int.MinValue + 106_250).</summary>
    public const int Order = int.MinValue + 150_000;

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseScopedHandler<ApplyJarDecision<TContext>>()
            .SetOrder(Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.Request is not { } request)
        {
            return;
        }

        var endpoint = context is ExtractPushedAuthorizationRequestContext ? JarEndpoint.PushedAuthorization : JarEndpoint.Authorization;
        JarClient? client;
        try
        {
            client = await clients.FindAsync(request.ClientId, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fail closed: without the registration there is nothing to verify against.
            OpenIddictJarLog.ClientStoreFailed(logger, e, request.ClientId);
            Reject(context, JarRules.StoreUnavailable, "The authorization server cannot decide right now; try again later.");
            return;
        }

        var issuer = (context.Options.Issuer ?? context.BaseUri)?.AbsoluteUri ?? string.Empty;
        var jarRequest = new JarRequest(endpoint, issuer, ReadParameters(request));
        if (endpoint == JarEndpoint.PushedAuthorization && !string.IsNullOrEmpty(request.ClientId))
        {
            // RFC 9126 §3 item 4: the request object's client_id must be the client that authenticates. OpenIddict
            // authenticates the client only after this stage, so the client its assertion claims to be (iss/sub, read
            // unverified) stands in for it here: a mismatch is refused (JAR404) before the object is accepted and its
            // jti consumed. This only ever adds a refusal; OpenIddict still validates the assertion afterwards.
            jarRequest = jarRequest with { AuthenticatedClientId = ClaimedAssertionClient.Read(request) };
        }

        var decision = await validator.ValidateAsync(jarRequest, client, context.CancellationToken).ConfigureAwait(false);
        context.Transaction.SetProperty(typeof(JarDecision).FullName!, decision);
        if (decision.Outcome != JarOutcome.Refused)
        {
            // The trail of what was accepted here goes with the request: to the request token, the code, the tokens.
            Trail.TrailContext.From(decision)?.AttachTo(context.Transaction);
        }

        if (decision.Error is { } error)
        {
            // RFC 9126 §2.1: an unknown client at the PAR endpoint is a client authentication failure (RFC 6749 §5.2).
            var rule = endpoint == JarEndpoint.PushedAuthorization && error.Rule == JarRules.ClientUnknown
                ? error.Rule with { Error = JarErrors.InvalidClient }
                : error.Rule;
            Reject(context, rule, error.Description);
            return;
        }

        if (decision.Parameters is { } parameters)
        {
            context.Transaction.Request = Replace(request, parameters, endpoint);
        }
    }

    private static void Reject(TContext context, JarRule rule, string description) =>
        context.Reject(rule.Error, $"{description} (rule {rule.Id})");

    private static Dictionary<string, StringValues> ReadParameters(OpenIddictRequest request)
    {
        var parameters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in request.GetParameters())
        {
            // A parameter sent twice arrives as an array and stays multi-valued, so the engine refuses it (RFC 6749 §3.1).
            parameters[name] = value.GetRawValue() switch
            {
                string text => text,
                null => StringValues.Empty,
                _ => (StringValues?)value ?? new StringValues(value.ToString()),
            };
        }

        return parameters;
    }

    private static OpenIddictRequest Replace(OpenIddictRequest outer, IReadOnlyDictionary<string, string> parameters, JarEndpoint endpoint)
    {
        var replaced = new OpenIddictRequest(parameters.Select(static p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        if (endpoint == JarEndpoint.PushedAuthorization)
        {
            // RFC 9126 §3: client authentication travels beside the object and is read by the host later.
            foreach (var name in (string[])[OpenIddictConstants.Parameters.ClientSecret, OpenIddictConstants.Parameters.ClientAssertion, OpenIddictConstants.Parameters.ClientAssertionType])
            {
                if (outer.GetParameter(name) is { } value)
                {
                    replaced.SetParameter(name, value);
                }
            }
        }

        return replaced;
    }
}
