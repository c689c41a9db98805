using System.Text.Json;
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
/// One exception: a pushed <c>request_uri</c> at the authorization endpoint. OpenIddict restores the pushed request
/// during the Validate stage (its authentication step) and drops whatever was sent beside the <c>request_uri</c>, so
/// the outer parameters are kept here and the decision is made by the same handler registered on
/// <see cref="ValidateAuthorizationRequestContext"/> right after the restore (<see cref="AfterRestore"/>), with
/// both in hand (RFC 9126 §4; OpenID Connect Core §6.1).
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

    /// <summary>The Validate-stage registration: right after OpenIddict has restored a pushed request from its request_uri.</summary>
    public static OpenIddictServerHandlerDescriptor AfterRestore { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseScopedHandler<ApplyJarDecision<TContext>>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateAuthentication.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>The transaction property holding the outer parameters of a pushed reference whose decision waits for OpenIddict's restore.</summary>
    internal static readonly string DeferredProperty = typeof(ApplyJarDecision<>).FullName + ".Deferred";

    public async ValueTask HandleAsync(TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.Request is not { } request)
        {
            return;
        }

        var endpoint = context is ExtractPushedAuthorizationRequestContext ? JarEndpoint.PushedAuthorization : JarEndpoint.Authorization;
        IReadOnlyDictionary<string, string>? pushed = null;
        Dictionary<string, StringValues> parameters;
        if (context is ValidateAuthorizationRequestContext)
        {
            // After the restore: only a request whose decision was deferred at the Extract stage.
            if (context.Transaction.GetProperty<Dictionary<string, StringValues>>(DeferredProperty) is not { } outer)
            {
                return;
            }

            context.Transaction.SetProperty<Dictionary<string, StringValues>>(DeferredProperty, null);
            parameters = outer;
            pushed = Pushed(request);
        }
        else
        {
            parameters = ReadParameters(request);
            if (endpoint == JarEndpoint.Authorization && IsPlainPushedReference(parameters))
            {
                context.Transaction.SetProperty(DeferredProperty, parameters);
                return;
            }
        }

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
        var jarRequest = new JarRequest(endpoint, issuer, parameters) { PushedParameters = pushed };
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

        if (decision.Parameters is { } objectParameters)
        {
            context.Transaction.Request = Replace(request, objectParameters, endpoint);
        }
    }

    private static void Reject(TContext context, JarRule rule, string description) =>
        context.Reject(rule.Error, $"{description} (rule {rule.Id})");

    /// <summary>
    /// A client_id and this server's own request_uri, with no 'request' and nothing repeated: the engine's envelope
    /// checks would pass, so its decision can wait until OpenIddict has restored what was pushed. Anything else is
    /// decided at once, before OpenIddict's own checks could answer first.
    /// </summary>
    private static bool IsPlainPushedReference(Dictionary<string, StringValues> parameters) =>
        parameters.TryGetValue(OpenIddictConstants.Parameters.RequestUri, out var uri) && uri.Count == 1 &&
        uri[0] is { } value && value.StartsWith("urn:ietf:params:oauth:request_uri:", StringComparison.Ordinal) &&
        parameters.TryGetValue(OpenIddictConstants.Parameters.ClientId, out var clientId) && clientId.Count == 1 && !string.IsNullOrEmpty(clientId[0]) &&
        !parameters.ContainsKey(OpenIddictConstants.Parameters.Request) &&
        parameters.Values.All(static v => v.Count == 1);

    /// <summary>The restored pushed request, less the request_uri OpenIddict keeps in it; JSON values as their JSON text.</summary>
    private static Dictionary<string, string> Pushed(OpenIddictRequest request)
    {
        var pushed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.GetParameters())
        {
            if (name != OpenIddictConstants.Parameters.RequestUri && value.GetRawValue() is { } raw)
            {
                pushed[name] = raw switch
                {
                    string text => text,
                    JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
                    JsonElement element => element.GetRawText(),
                    _ => value.ToString() ?? string.Empty,
                };
            }
        }

        return pushed;
    }

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

        // RFC 9101 §4: a number, object or array in the object reaches OpenIddict as JSON (max_age as a number,
        // resource as an array of URIs), never as a string holding its JSON text.
        if (parameters is IJarJsonValuedParameters types)
        {
            foreach (var (name, value) in parameters)
            {
                // Only where OpenIddict took the member as a parameter (it skips an empty name, for one).
                if (types.IsJson(name) && name.Length > 0 && replaced.GetParameter(name) is not null)
                {
                    using var document = JsonDocument.Parse(value);
                    replaced.SetParameter(name, new OpenIddictParameter(document.RootElement.Clone()));
                }
            }
        }
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
