namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>One member of a JSON object as raw text: the name as written (quotes and escapes included) and the value as written.</summary>
/// <param name="Name">The member name token, e.g. <c>"aud"</c> or <c>"\u0061ud"</c>; need not be valid JSON.</param>
/// <param name="Value">The value token, e.g. <c>"https://as"</c>, <c>[1,[2]]</c> or <c>1e400</c>; need not be valid JSON.</param>
internal sealed record JsonMember(string Name, string Value)
{
    public override string ToString() => Name + ":" + Value;
}
