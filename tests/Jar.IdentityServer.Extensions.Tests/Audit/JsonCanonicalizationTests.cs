using System.Text;

namespace Jar.IdentityServer.Extensions.Tests.Audit;

/// <summary>RFC 8785 against its own examples: §3.2.2 (the sample object), §3.2.3 (sorting), Appendix B (numbers).</summary>
public sealed class JsonCanonicalizationTests
{
    [Fact]
    public void Canonicalizes_the_sample_object_of_section_3_2_2()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        JsonCanonicalization.Canonicalize(input)
            .ShouldBe("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    [Fact]
    public void Sorts_members_by_their_names_as_utf16_code_units()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var canonical = JsonCanonicalization.Canonicalize(input);

        // U+1F600 (surrogates D83D DE00) sorts before U+FB33 by code units, after it by code points.
        canonical.ShouldBe("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        Encoding.UTF8.GetBytes(canonical).Length.ShouldBe(Encoding.UTF8.GetByteCount(canonical));
    }

    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Writes_numbers_as_in_appendix_B(ulong bits, string expected)
    {
        JsonCanonicalization.FormatNumber(BitConverter.UInt64BitsToDouble(bits)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0x7ff0000000000000UL)]
    [InlineData(0xfff0000000000000UL)]
    [InlineData(0x7ff8000000000000UL)]
    public void Refuses_infinity_and_nan(ulong bits)
    {
        Should.Throw<FormatException>(() => JsonCanonicalization.FormatNumber(BitConverter.UInt64BitsToDouble(bits)));
    }

    [Fact]
    public void Refuses_a_number_beyond_double_range_and_a_lone_surrogate()
    {
        Should.Throw<FormatException>(() => JsonCanonicalization.Canonicalize("{\"a\":1e400}"));
        Should.Throw<FormatException>(() => JsonCanonicalization.Canonicalize("{\"a\":\"\\ud800\"}"));
    }

    [Fact]
    public void Writes_nested_values_without_whitespace()
    {
        JsonCanonicalization.Canonicalize("""{ "b" : [ 1.0 , {"z":true, "a":null} ], "a" : "x" }""")
            .ShouldBe("""{"a":"x","b":[1,{"a":null,"z":true}]}""");
    }
}
