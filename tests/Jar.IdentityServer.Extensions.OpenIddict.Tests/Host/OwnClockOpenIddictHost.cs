namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

/// <summary>A second host for tests that move its clock forward, so the shared host's clock stays where it is.</summary>
[CollectionDefinition(Name)]
public sealed class OwnClockOpenIddictHost : ICollectionFixture<OpenIddictHostFixture>
{
    public const string Name = "OpenIddict host with its own clock";
}
