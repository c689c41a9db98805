namespace Jar.SampleHost.Tests.Conformance;

/// <summary>Every conformance test class shares the one <see cref="ConformanceHost"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedConformanceHost : ICollectionFixture<ConformanceHost>
{
    public const string Name = "Conformance host";
}
