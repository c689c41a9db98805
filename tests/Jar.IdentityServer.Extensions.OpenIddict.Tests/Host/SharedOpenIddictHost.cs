namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

/// <summary>Every test class shares the one running host; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedOpenIddictHost : ICollectionFixture<OpenIddictHostFixture>
{
    public const string Name = "OpenIddict host";
}
