namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>One change to a draft, named for the report of a failing input.</summary>
internal sealed record Mutation(string Name, Action<ObjectDraft> Apply)
{
    public override string ToString() => Name;
}
