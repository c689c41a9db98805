using Jar.IdentityServer.Extensions;

namespace Jar.SampleHost.Hardening;

/// <summary>
/// Feeds configuration into <c>AddJarHardening</c>: <c>Jar:DefaultProfile</c>, <c>Jar:MaxRequestObjectLength</c> and
/// each client's <c>Jar:Clients:&lt;client_id&gt;:Policy</c> (a <see cref="JarPolicyOverrides"/>). Read when the options
/// are first used, so every configuration source (files, environment, command line, tests) has been added by then.
/// </summary>
internal static class JarPolicyConfiguration
{
    public static void Apply(JarHardeningOptions options, IConfiguration configuration)
    {
        var jar = configuration.GetSection("Jar");
        if (jar["DefaultProfile"] is { Length: > 0 } profile)
        {
            options.DefaultProfile = profile;
        }

        if (jar.GetValue<int?>("MaxRequestObjectLength") is { } length)
        {
            options.MaxRequestObjectLength = length;
        }

        foreach (var client in jar.GetSection("Clients").GetChildren())
        {
            // A client without a Policy section still gets the default profile, explicitly.
            options.Clients[client.Key] = client.GetSection("Policy").Get<JarPolicyOverrides>() ?? new JarPolicyOverrides();
        }
    }
}
