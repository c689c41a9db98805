namespace Jar.IdentityServer.Extensions.RequestObjects;

/// <summary>The JSON type an authorization parameter has inside a request object (RFC 9101 §4).</summary>
internal enum ParameterJsonType
{
    /// <summary>A JSON string, as the parameter is on the wire.</summary>
    String,

    /// <summary>A JSON number that is a whole, non-negative count of seconds (<c>max_age</c>).</summary>
    NonNegativeInteger,

    /// <summary>A JSON object (<c>claims</c>, <c>registration</c>).</summary>
    Object,

    /// <summary>A JSON array of JSON objects (<c>authorization_details</c>).</summary>
    ArrayOfObjects,

    /// <summary>A JSON string, or a non-empty JSON array of strings (<c>resource</c>, <c>audience</c>).</summary>
    StringOrArrayOfStrings,
}
