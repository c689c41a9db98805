using System.CommandLine;
using System.Text.Json;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Data;
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
    public static Command Create(SampleCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var show = new Command("show", "Prints the client's stored JAR policy: each setting's value, and whether its profile or an override set it.");
        var showClient = ClientArgument();
        show.Arguments.Add(showClient);
        show.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            DatabaseSetup.Policies,
            (services, output, token) => ShowAsync(services, parse.GetRequiredValue(showClient), output, token),
            cancellationToken));

        var set = new Command("set", $$"""
            Changes the client's stored JAR policy. <json> replaces it whole, in the shape of Jar:Clients:<client>:Policy
            ('{"Profile":"strict","RequireJwtId":true}'); then each --<Setting> <value> (or --<Setting>=<value>) changes one
            setting, and --<Setting> {{PolicyArguments.Unset}} removes its override. A policy that loosens its profile is refused
            and nothing is written (exit code 1).
            Settings: {{string.Join(", ", PolicyArguments.Settings.Values.Select(p => p.Name))}}.
            """);
        var setClient = ClientArgument();
        // The words after the client, in order, as PolicyArguments reads them (it names a wrong one, exit code 2): a
        // --Setting System.CommandLine does not know is a word of this argument, not an unknown option.
        var changes = new Argument<string[]>("changes")
        {
            Description = "[<json>] [--<Setting> <value> ...]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        // Loosening the stored policy (any setting weaker than it is now) is a deliberate act: refused without these two.
        var allowLoosening = new Option<bool>("--allow-loosening")
        {
            Description = "Allow the change to make the stored policy weaker; recorded with --reason and the operating system user (JarPolicyChanges).",
        };
        var reason = new Option<string?>("--reason") { Description = "Why the stored policy is loosened (with --allow-loosening).", HelpName = "text" };
        set.Arguments.Add(setClient);
        set.Arguments.Add(changes);
        set.Options.Add(allowLoosening);
        set.Options.Add(reason);
        set.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            DatabaseSetup.Policies,
            (services, output, token) => SetAsync(
                services,
                parse.GetRequiredValue(setClient),
                parse.GetValue(changes) ?? [],
                Approval(parse.GetValue(allowLoosening), parse.GetValue(reason)),
                output,
                token),
            cancellationToken));

        return new Command("policy", "The operator's view of the clients' JAR policies, in the policy store (the JarClientPolicies table).") { show, set };
    }

    /// <summary>The approval a command line gives for a loosening: the operating system user, and the reason it states.</summary>
    private static JarPolicyLooseningApproval? Approval(bool allowLoosening, string? reason)
    {
        if (!allowLoosening)
        {
            return reason is null ? null : throw new CommandUsageException("policy set: --reason goes with --allow-loosening.");
        }

        return string.IsNullOrWhiteSpace(reason)
            ? throw new CommandUsageException("policy set: --allow-loosening needs --reason \"<why>\"; the reason is recorded with the change.")
            : new JarPolicyLooseningApproval(Environment.UserName, reason);
    }

    private static Argument<string> ClientArgument() => new("client") { Description = "A configured client id (Jar:Clients)." };

    private static void RequireConfigured(IServiceProvider services, string clientId)
    {
        if (!services.GetRequiredService<IOptions<SampleClientsOptions>>().Value.Clients.ContainsKey(clientId))
        {
            throw new CommandUsageException($"policy: '{clientId}' is not a configured client.");
        }
    }

    public static async Task<int> ShowAsync(IServiceProvider services, string clientId, TextWriter output, CancellationToken cancellationToken)
    {
        RequireConfigured(services, clientId);
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

    public static async Task<int> SetAsync(IServiceProvider services, string clientId, IReadOnlyList<string> arguments, JarPolicyLooseningApproval? approval, TextWriter output, CancellationToken cancellationToken)
    {
        RequireConfigured(services, clientId);
        var administration = services.GetRequiredService<IJarPolicyAdministration>();
        JarPolicyOverrides? current = null;
        try
        {
            current = (await administration.GetAsync(clientId, cancellationToken).ConfigureAwait(false)).Overrides;
        }
        catch (Exception e) when (e is JarPolicyException or JsonException)
        {
            // A stored row that no longer resolves can only be replaced whole.
            if (arguments.Count == 0 || arguments[0].StartsWith('-'))
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
            throw new CommandUsageException($"policy set {clientId}: {e.Message}", e);
        }

        JarStoredPolicy stored;
        try
        {
            // Checked against its profile before anything is written: a loosening is refused whole.
            stored = await administration.SetAsync(clientId, next, approval, cancellationToken).ConfigureAwait(false);
        }
        catch (JarPolicyLooseningException e)
        {
            await output.WriteLineAsync($"Refused, nothing was written. {e.Message} To loosen it deliberately: policy set {clientId} ... --allow-loosening --reason \"<why>\".").ConfigureAwait(false);
            return 1;
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
