using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions;

/// <summary>Checks every configured policy at start-up, so a loosening override stops the host with a message naming the setting.</summary>
internal sealed class JarHardeningOptionsValidator : IValidateOptions<JarHardeningOptions>
{
    public ValidateOptionsResult Validate(string? name, JarHardeningOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestObjectLength is < 1024 or > 1024 * 1024)
        {
            failures.Add($"JarHardening:MaxRequestObjectLength: {options.MaxRequestObjectLength} is outside 1024..1048576.");
        }

        try
        {
            using var keys = RequestObjects.DecryptionKeyRing.Create(options.RequestObjectDecryptionKeys);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException or FormatException)
        {
            failures.Add("JarHardening:RequestObjectDecryptionKeys: " + e.Message);
        }

        try
        {
            JarProfiles.Resolve("(default)", null, options.DefaultProfile);
        }
        catch (JarPolicyException e)
        {
            failures.Add("JarHardening:DefaultProfile: " + e.Message);
        }

        foreach (var (clientId, overrides) in options.Clients)
        {
            try
            {
                JarProfiles.Resolve(clientId, overrides, options.DefaultProfile);
            }
            catch (JarPolicyException e)
            {
                failures.Add(e.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
