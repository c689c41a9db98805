using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

/// <summary>The host's EF Core context: OpenIddict's entities only (<c>UseOpenIddict()</c>), on a SQLite file.</summary>
internal sealed class JarTestDbContext(DbContextOptions<JarTestDbContext> options) : DbContext(options);
