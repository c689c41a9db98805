using System.Data.Common;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;

internal static class Failures
{
    /// <summary>Asserts that a store call threw because the database could not be reached, not for another reason.</summary>
    public static async Task ShouldFailOnTheDatabaseAsync(Func<Task> call)
    {
        var thrown = await Should.ThrowAsync<Exception>(call);
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            if (e is DbException)
            {
                return;
            }
        }

        throw new ShouldAssertException($"Expected a database failure, got {thrown.GetType().Name}: {thrown.Message}");
    }
}
