using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions.Tests.Policies;

/// <summary>
/// Options are validated at start-up (ValidateOnStart): a bad configuration stops the host with a message that names
/// the setting. <see cref="IStartupValidator"/> is what a host runs when it starts.
/// </summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("RequirePkce")]
    [InlineData("AllowedSigningAlgorithms")]
    public void Stops_the_host_when_a_client_policy_loosens_its_profile(string setting)
    {
        using var services = Build(o => o.Clients["bank-app"] = setting == "RequirePkce"
            ? new JarPolicyOverrides { RequirePkce = false }
            : new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning, AllowedSigningAlgorithms = ["RS256"] });

        var atStart = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        var onUse = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<JarHardeningOptions>>().Value);

        atStart.Message.ShouldContain(setting);
        atStart.Message.ShouldContain("bank-app");
        onUse.Message.ShouldContain(setting);
    }

    [Fact]
    public void Stops_the_host_when_a_client_names_an_unknown_profile()
    {
        using var services = Build(o => o.Clients["c1"] = new JarPolicyOverrides { Profile = "lax" });

        var exception = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        exception.Message.ShouldContain("'lax'");
    }

    [Fact]
    public void Stops_the_host_when_the_default_profile_is_unknown()
    {
        using var services = Build(o => o.DefaultProfile = "lax");

        var exception = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        exception.Message.ShouldContain("DefaultProfile");
    }

    [Theory]
    [InlineData(1023)]
    [InlineData(1024 * 1024 + 1)]
    public void Stops_the_host_when_the_maximum_request_object_length_is_out_of_range(int length)
    {
        using var services = Build(o => o.MaxRequestObjectLength = length);

        var exception = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        exception.Message.ShouldContain("MaxRequestObjectLength");
    }

    [Fact]
    public void Reports_every_invalid_setting_in_one_message()
    {
        using var services = Build(o =>
        {
            o.MaxRequestObjectLength = 10;
            o.Clients["c1"] = new JarPolicyOverrides { RequireRedirectUri = false };
            o.Clients["c2"] = new JarPolicyOverrides { ClockSkew = TimeSpan.FromMinutes(10) };
        });

        var exception = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        exception.Failures.Count().ShouldBe(3);
        exception.Message.ShouldContain("MaxRequestObjectLength");
        exception.Message.ShouldContain("RequireRedirectUri");
        exception.Message.ShouldContain("ClockSkew");
    }

    [Fact]
    public void Stops_the_host_when_a_decryption_key_has_no_private_part()
    {
        using var services = Build(o => o.RequestObjectDecryptionKeys.Add(ServerEncryptionKeys.RsaJwk(includePrivate: false)));

        var exception = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        exception.Message.ShouldContain("RequestObjectDecryptionKeys");
        exception.Message.ShouldContain("enc-rsa");
    }

    [Fact]
    public void Starts_with_valid_options()
    {
        using var services = Build(o =>
        {
            o.DefaultProfile = JarProfiles.Fapi1Advanced;
            o.MaxRequestObjectLength = 64 * 1024;
            o.Clients["c1"] = new JarPolicyOverrides { RequirePkce = true, Mode = EnforcementMode.ReportOnly };
        });

        services.GetRequiredService<IStartupValidator>().Validate();

        services.GetRequiredService<IOptions<JarHardeningOptions>>().Value.DefaultProfile.ShouldBe(JarProfiles.Fapi1Advanced);
    }

    private static ServiceProvider Build(Action<JarHardeningOptions> configure) =>
        new ServiceCollection().AddLogging().AddJarEngine(configure).BuildServiceProvider();
}
