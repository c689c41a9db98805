using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>Stops the host at start-up with a message naming the setting to fix.</summary>
internal sealed class JarEntityFrameworkStoreOptionsValidator : IValidateOptions<JarEntityFrameworkStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, JarEntityFrameworkStoreOptions options)
    {
        var failures = new List<string>();
        if (options.PolicyCacheDuration < TimeSpan.Zero || options.PolicyCacheDuration > TimeSpan.FromMinutes(5))
        {
            failures.Add($"JarEntityFrameworkStoreOptions.PolicyCacheDuration: {options.PolicyCacheDuration} is outside 00:00:00..00:05:00.");
        }

        if (options.ReplayPruneInterval < TimeSpan.FromSeconds(1) || options.ReplayPruneInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"JarEntityFrameworkStoreOptions.ReplayPruneInterval: {options.ReplayPruneInterval} is outside 00:00:01..1.00:00:00.");
        }

        if (options.MaxAppendBatch is < 1 or > 256)
        {
            failures.Add($"JarEntityFrameworkStoreOptions.MaxAppendBatch: {options.MaxAppendBatch} is outside 1..256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
