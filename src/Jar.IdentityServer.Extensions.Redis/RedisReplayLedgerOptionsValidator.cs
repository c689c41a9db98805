using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Jar.IdentityServer.Extensions.Redis;

/// <summary>Stops the host at start-up with a message naming the setting to fix.</summary>
internal sealed class RedisReplayLedgerOptionsValidator : IValidateOptions<RedisReplayLedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisReplayLedgerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            failures.Add("RedisReplayLedgerOptions.Configuration: the Redis to keep the replay ledger in is not set.");
        }
        else
        {
            try
            {
                ConfigurationOptions.Parse(options.Configuration);
            }
            catch (ArgumentException e)
            {
                failures.Add($"RedisReplayLedgerOptions.Configuration: {e.Message}");
            }
        }

        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            failures.Add("RedisReplayLedgerOptions.KeyPrefix: must not be empty.");
        }

        if (options.Timeout < TimeSpan.FromMilliseconds(100) || options.Timeout > TimeSpan.FromSeconds(30))
        {
            failures.Add($"RedisReplayLedgerOptions.Timeout: {options.Timeout} is outside 00:00:00.1..00:00:30.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
