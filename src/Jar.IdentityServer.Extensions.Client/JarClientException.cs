namespace Jar.IdentityServer.Extensions.Client;

/// <summary>The client could not do what was asked (metadata unreadable, no key to encrypt to, a transport failure), before or apart from any answer of the server.</summary>
public class JarClientException : Exception
{
    /// <summary>An exception without a message.</summary>
    public JarClientException()
    {
    }

    /// <summary>An exception with <paramref name="message"/>.</summary>
    /// <param name="message">What failed.</param>
    public JarClientException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public JarClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
