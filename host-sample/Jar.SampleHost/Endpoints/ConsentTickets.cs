using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Jar.SampleHost.Endpoints;

/// <summary>Protects consent tickets (authenticated encryption, short-lived) for the round trip through the consent page.</summary>
public sealed class ConsentTickets(IDataProtectionProvider dataProtection, TimeProvider time)
{
    /// <summary>How long the user has to decide.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("Jar.SampleHost.ConsentTicket.v1").ToTimeLimitedDataProtector();

    /// <summary>The ticket as an opaque string.</summary>
    public string Protect(ConsentTicket ticket) =>
        _protector.Protect(JsonSerializer.Serialize(ticket), time.GetUtcNow() + Lifetime);

    /// <summary>The ticket, or null when it is forged, altered or expired.</summary>
    public ConsentTicket? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ConsentTicket>(_protector.Unprotect(value, out _));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
