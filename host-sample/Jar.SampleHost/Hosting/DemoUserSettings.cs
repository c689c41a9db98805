using System.ComponentModel.DataAnnotations;

namespace Jar.SampleHost.Hosting;

/// <summary>The one demo user who can sign in, bound from <c>DemoUser</c>.</summary>
public sealed class DemoUserSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DemoUser";

    /// <summary>The stable subject identifier (<c>sub</c>).</summary>
    [Required]
    public string Subject { get; set; } = string.Empty;

    /// <summary>The user name typed on the login page.</summary>
    [Required]
    public string Username { get; set; } = string.Empty;

    /// <summary>The password typed on the login page. Demo only: a real host keeps password hashes.</summary>
    [Required]
    public string Password { get; set; } = string.Empty;

    /// <summary>The display name (<c>name</c>, with the <c>profile</c> scope).</summary>
    public string? Name { get; set; }

    /// <summary>The e-mail address (<c>email</c>, with the <c>email</c> scope).</summary>
    public string? Email { get; set; }
}
