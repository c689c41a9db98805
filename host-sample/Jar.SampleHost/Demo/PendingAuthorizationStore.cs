using Jar.SampleHost.Data;
using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Demo;

/// <summary>The demo client's pending authorizations, in the host's database so the command and the host share them.</summary>
public sealed class PendingAuthorizationStore(AppDbContext database)
{
    /// <summary>Remembers a started request.</summary>
    public async Task SaveAsync(PendingAuthorization pending, CancellationToken cancellationToken)
    {
        database.PendingAuthorizations.Add(pending);
        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The request started with <paramref name="state"/>, if it is still pending.</summary>
    public Task<PendingAuthorization?> FindAsync(string state, CancellationToken cancellationToken) =>
        database.PendingAuthorizations.AsNoTracking().FirstOrDefaultAsync(p => p.State == state, cancellationToken);

    /// <summary>Forgets a request once its code has been redeemed (a code is single-use, RFC 6749 §4.1.2).</summary>
    public Task RemoveAsync(string state, CancellationToken cancellationToken) =>
        database.PendingAuthorizations.Where(p => p.State == state).ExecuteDeleteAsync(cancellationToken);
}
