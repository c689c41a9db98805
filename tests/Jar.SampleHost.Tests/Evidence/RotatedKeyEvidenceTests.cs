using System.Security.Cryptography;
using Jar.IdentityServer.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace Jar.SampleHost.Tests.Evidence;

/// <summary>A kept object whose signing key the client no longer has: "cannot verify", which is not a bad signature.</summary>
public sealed class RotatedKeyEvidenceTests(EvidenceHostFactory host) : IClassFixture<EvidenceHostFactory>
{
    [Fact]
    public async Task A_kept_object_whose_key_was_removed_from_the_client_cannot_be_verified_and_is_not_a_failure()
    {
        var request = await AuthorizationFlow.StartAsync(host, "fapi2-client");
        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile", "email", "offline_access"]);
        var kid = Evidence.Header(request.RequestObject!, "kid").ShouldNotBeNull();
        (await Evidence.VerifyAsync(host, Stores.Sha256Hex(request.RequestObject!))).KeptObjects.ShouldHaveSingleItem().Report.Signature.ShouldBe(JarEvidenceSignature.Verified);

        // The client rotates: its registered key set now holds a new key only, in OpenIddict's application store.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var application = (await applications.FindByClientIdAsync("fapi2-client")).ShouldNotBeNull();
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, application);
            using var rsa = RSA.Create(2048);
            var next = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "fapi2-client-next" });
            next.Use = "sig";
            next.Alg = "PS256";
            descriptor.JsonWebKeySet = new JsonWebKeySet();
            descriptor.JsonWebKeySet.Keys.Add(next);
            await applications.UpdateAsync(application, descriptor);
        }

        var evidence = await Evidence.VerifyAsync(host, Stores.Sha256Hex(request.RequestObject!));
        var (recordId, report) = evidence.KeptObjects.ShouldHaveSingleItem();
        report.Signature.ShouldBe(JarEvidenceSignature.CannotVerify);
        report.SignatureDetail.ShouldBe($"key kid {kid} no longer registered");
        report.IntentMatches.ShouldBeTrue();
        report.ObjectHashMatches.ShouldBe(true);
        evidence.Contradicts.ShouldBeFalse();

        var (exit, text) = await Evidence.RunAsync(host, "audit", "trail", Stores.Sha256Hex(request.RequestObject!));
        exit.ShouldBe(0, text);
        Evidence.EvidenceLines(text).ShouldHaveSingleItem().ShouldBe(
            $"evidence: record {recordId}: cannot verify: key kid {kid} no longer registered; intent hash matches; object hash matches");
    }
}
