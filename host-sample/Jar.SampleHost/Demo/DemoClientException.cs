namespace Jar.SampleHost.Demo;

/// <summary>The demo client could not go on; the message says why and what to do.</summary>
public sealed class DemoClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DemoClientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DemoClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DemoClientException()
    {
    }
}
