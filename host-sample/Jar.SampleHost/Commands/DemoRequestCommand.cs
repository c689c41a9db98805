using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jar.SampleHost.Data;
using Jar.SampleHost.Demo;
using Jar.SampleHost.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Commands;

/// <summary>
/// <c>demo-request &lt;client&gt; [query|by-value|par]</c>: the client side of the walk-through. Talks to the running
/// host over HTTP: signs the request object, pushes it where the policy requires PAR, and prints the URL to open.
/// </summary>
internal static class DemoRequestCommand
{
    private static readonly Dictionary<string, DemoDelivery> Deliveries = new(StringComparer.Ordinal)
    {
        ["query"] = DemoDelivery.Query,
        ["by-value"] = DemoDelivery.RequestObjectByValue,
        ["par"] = DemoDelivery.PushedRequestObject,
    };

    // Shown to a person, not embedded anywhere: no escaping of '+' and the like.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(SampleCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = new Argument<string>("client") { Description = "A configured client id (Jar:Clients), for example fapi2-client." };
        var delivery = new Argument<string?>("delivery")
        {
            Description = "query, by-value or par; without it, what the client's policy asks for (PAR, then a request object, then query parameters).",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "query|by-value|par",
        };
        delivery.AcceptOnlyFromAmong([.. Deliveries.Keys]);
        var command = new Command("demo-request", "Starts an authorization request of a demo client at the running host (signs the request object, pushes it where the policy requires PAR) and prints the URL to open.")
        {
            client,
            delivery,
        };

        // The verifier is kept in the host's database; the clients and policies are the running host's.
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            DatabaseSetup.Schema,
            (services, output, token) => RunAsync(services, parse.GetRequiredValue(client), parse.GetValue(delivery) is { } name ? Deliveries[name] : null, output, token),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string clientId, DemoDelivery? delivery, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var baseAddress = SampleHostUrls.BaseAddress(services.GetRequiredService<IConfiguration>());
        DemoAuthorizationRequest request;
        try
        {
            var client = await services.GetRequiredService<DemoClients>().CreateAsync(clientId, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Client    {client.ClientId} (JAR profile {client.Policy.Profile})").ConfigureAwait(false);
            request = await client.StartAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await output.WriteLineAsync($"Cannot reach the host at {baseAddress} ({e.Message}). Start it first, with the same --urls: dotnet run --project host-sample/Jar.SampleHost").ConfigureAwait(false);
            return 1;
        }
        catch (DemoClientException e)
        {
            await output.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The verifier goes to the host's database, which the host creates on its first start.
            await output.WriteLineAsync($"Cannot keep the PKCE verifier in the host's database ({e.GetBaseException().Message}). Start the host once with the same configuration first.").ConfigureAwait(false);
            return 1;
        }

        await output.WriteAsync(Describe(request)).ConfigureAwait(false);
        return 0;
    }

    private static string Describe(DemoAuthorizationRequest request)
    {
        var text = new StringBuilder();
        text.AppendLine($"Delivery  {request.Delivery switch
        {
            DemoDelivery.PushedRequestObject => "pushed to the PAR endpoint (RFC 9126), then request_uri",
            DemoDelivery.RequestObjectByValue => "request object by value (RFC 9101 §5.1)",
            _ => "query parameters with PKCE S256",
        }}");
        if (request.RequestObject is { } sent && sent != request.SignedRequestObject)
        {
            text.AppendLine().AppendLine("Encrypted to the server (RFC 9101 §6.1), JWE header:").AppendLine(Pretty(sent.Split('.')[0]))
                .AppendLine("and inside it, the signed request object:");
        }

        if (request.SignedRequestObject is { } jws)
        {
            var parts = jws.Split('.');
            text.AppendLine().AppendLine("Signed request object, header:").AppendLine(Pretty(parts[0]))
                .AppendLine("claims (the only parameters that count, RFC 9101 §6.3):").AppendLine(Pretty(parts[1]));
        }

        if (request.RequestUri is { } uri)
        {
            text.AppendLine().AppendLine($"PAR answered 201: request_uri {uri}, expires_in {request.ExpiresIn}");
        }

        text.AppendLine().AppendLine("Open this URL in a browser:").AppendLine().AppendLine("  " + request.AuthorizationUrl.AbsoluteUri).AppendLine()
            .AppendLine($"The PKCE verifier is kept under state {request.State}; the /callback page redeems the code with it.");
        return text.ToString();
    }

    private static string Pretty(string segment) =>
        JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(segment)))?.ToJsonString(Indented) ?? string.Empty;
}
