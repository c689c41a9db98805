using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;

/// <summary>Reads the whole decision chain of a database back and checks every link, hash and the head.</summary>
public static class Chain
{
    public static async Task ShouldBeIntactAsync(DbContext context)
    {
        var chain = await context.Set<JarDecisionRecord>().Where(r => r.Sequence != null).OrderBy(r => r.Sequence).ToListAsync();
        chain.ShouldNotBeEmpty();
        for (var i = 0; i < chain.Count; i++)
        {
            chain[i].Hash.ShouldBe(DecisionChain.Hash(chain[i]));
            if (i > 0)
            {
                chain[i].Sequence.ShouldBe(chain[i - 1].Sequence + 1);
                chain[i].PreviousHash.ShouldBe(chain[i - 1].Hash);
            }
        }

        var head = await context.Set<JarDecisionChainHead>().SingleAsync();
        head.Hash.ShouldBe(chain[^1].Hash);
        head.Sequence.ShouldBe(chain[^1].Sequence!.Value);
    }
}
