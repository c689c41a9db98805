using Jar.IdentityServer.Extensions;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Hardening;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Commands;

/// <summary><c>policy &lt;verb&gt; &lt;client&gt;</c>: the operator's view of the clients' JAR policies.</summary>
internal static class PolicyCommand
{
    public const string Name = "policy";

    private delegate Task<int> Verb(IServiceProvider services, string clientId, string[] arguments, TextWriter output, CancellationToken cancellationToken);

    // One entry per verb; each reads and writes through IClientPolicyCatalog, whatever store stands behind it.
    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.Ordinal)
    {
        ["show"] = ShowAsync,
    };

    public static async Task<int> RunAsync(IServiceProvider services, string[] arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Length < 2 || !Verbs.TryGetValue(arguments[0], out var verb))
        {
            return await SampleCommands.UsageErrorAsync(output, $"policy: expected one of {string.Join(", ", Verbs.Keys)} and a client id.").ConfigureAwait(false);
        }

        var clientId = arguments[1];
        if (!services.GetRequiredService<IOptions<SampleClientsOptions>>().Value.Clients.ContainsKey(clientId))
        {
            return await SampleCommands.UsageErrorAsync(output, $"policy: '{clientId}' is not a configured client.").ConfigureAwait(false);
        }

        return await verb(services, clientId, arguments[2..], output, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ShowAsync(IServiceProvider services, string clientId, string[] arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<IClientPolicyCatalog>();
        var overrides = await catalog.FindOverridesAsync(clientId, cancellationToken).ConfigureAwait(false);
        JarPolicyResolution resolution;
        try
        {
            resolution = JarProfiles.Resolve(clientId, overrides, catalog.DefaultProfile);
        }
        catch (JarPolicyException e)
        {
            await output.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        await output.WriteAsync(PolicyReport.Format(clientId, overrides, catalog.DefaultProfile, resolution)).ConfigureAwait(false);
        return 0;
    }
}
