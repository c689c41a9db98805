using System.Text.Json;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Hardening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Commands;

/// <summary>
/// <c>policy show|set &lt;client&gt; …</c>: the operator's view of the clients' JAR policies, read from and written
/// to the policy store (<see cref="IJarPolicyAdministration"/>, the <c>JarClientPolicies</c> table).
/// </summary>
internal static class PolicyCommand
{
    public const string Name = "policy";

    private delegate Task<int> Verb(IServiceProvider services, string clientId, string[] arguments, TextWriter output, CancellationToken cancellationToken);

    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.Ordinal)
    {
        ["show"] = ShowAsync,
        ["set"] = SetAsync,
    };

    public static async Task<int> RunAsync(IServiceProvider services, string[] arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Length < 2 || !Verbs.TryGetValue(arguments[0], out var verb) || SampleCommandLine.IsOption(arguments[1]))
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
        JarStoredPolicy stored;
        try
        {
            stored = await services.GetRequiredService<IJarPolicyAdministration>().GetAsync(clientId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JarPolicyException or JsonException)
        {
            // A row edited by hand into something the engine refuses to run (it refuses the client's requests too).
            await output.WriteLineAsync($"The stored policy of '{clientId}' is not valid: {e.Message} Replace it with policy set {clientId} '<json>'.").ConfigureAwait(false);
            return 1;
        }

        await output.WriteAsync(View(services, stored).Format()).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> SetAsync(IServiceProvider services, string clientId, string[] arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var administration = services.GetRequiredService<IJarPolicyAdministration>();
        JarPolicyOverrides? current = null;
        try
        {
            current = (await administration.GetAsync(clientId, cancellationToken).ConfigureAwait(false)).Overrides;
        }
        catch (Exception e) when (e is JarPolicyException or JsonException)
        {
            // A stored row that no longer resolves can only be replaced whole.
            if (arguments.Length == 0 || SampleCommandLine.IsOption(arguments[0]))
            {
                await output.WriteLineAsync($"The stored policy of '{clientId}' is not valid: {e.Message} Give the whole policy as JSON.").ConfigureAwait(false);
                return 1;
            }
        }

        JarPolicyOverrides next;
        try
        {
            next = PolicyArguments.Apply(current, arguments);
        }
        catch (FormatException e)
        {
            return await SampleCommands.UsageErrorAsync(output, $"policy set {clientId}: {e.Message}").ConfigureAwait(false);
        }

        JarStoredPolicy stored;
        try
        {
            // Checked against its profile before anything is written: a loosening is refused whole.
            stored = await administration.SetAsync(clientId, next, cancellationToken).ConfigureAwait(false);
        }
        catch (JarPolicyException e)
        {
            await output.WriteLineAsync($"Refused, nothing was written. {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (DbUpdateException)
        {
            await output.WriteLineAsync($"The policy of '{clientId}' was changed by another writer at the same moment; nothing was written. Run the command again.").ConfigureAwait(false);
            return 1;
        }

        // OpenIddict's own PAR and PKCE requirements on the registration follow the stored policy.
        await services.GetRequiredService<ClientSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Stored the JAR policy of {clientId} (revision {stored.Revision}). A running host applies it within Jar:Store:PolicyCacheDuration (10 seconds unless configured).").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteAsync(View(services, stored).Format()).ConfigureAwait(false);
        return 0;
    }

    private static PolicyView View(IServiceProvider services, JarStoredPolicy stored) =>
        new(stored, services.GetRequiredService<IOptions<JarHardeningOptions>>().Value.DefaultProfile);
}
