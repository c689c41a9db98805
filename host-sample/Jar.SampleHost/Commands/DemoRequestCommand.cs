using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    public const string Name = "demo-request";

    private static readonly Dictionary<string, DemoDelivery> Deliveries = new(StringComparer.Ordinal)
    {
        ["query"] = DemoDelivery.Query,
        ["by-value"] = DemoDelivery.RequestObjectByValue,
        ["par"] = DemoDelivery.PushedRequestObject,
    };

    // Shown to a person, not embedded anywhere: no escaping of '+' and the like.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(IServiceProvider services, string[] arguments, TextWriter output, CancellationToken cancellationToken)
    {
        // The options after the words (--urls …) are the host's configuration, read through IConfiguration.
        arguments = arguments.TakeWhile(a => !SampleCommandLine.IsOption(a)).ToArray();
        DemoDelivery? delivery = null;
        if (arguments.Length is < 1 or > 2 || arguments.Length == 2 && !Deliveries.ContainsKey(arguments[1]))
        {
            return await SampleCommands.UsageErrorAsync(output, "demo-request: expected a client id, and optionally query, by-value or par.").ConfigureAwait(false);
        }

        if (arguments.Length == 2)
        {
            delivery = Deliveries[arguments[1]];
        }

        var baseAddress = SampleHostUrls.BaseAddress(services.GetRequiredService<IConfiguration>());
        DemoAuthorizationRequest request;
        try
        {
            var client = await services.GetRequiredService<DemoClients>().CreateAsync(arguments[0], cancellationToken).ConfigureAwait(false);
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
