using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jar.SampleHost.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JarPolicyChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LooseningsJson = table.Column<string>(type: "TEXT", nullable: false),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: true),
                    AfterJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JarPolicyChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JarPolicyChanges_ChangedAt",
                table: "JarPolicyChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_JarPolicyChanges_ClientId_ChangedAt",
                table: "JarPolicyChanges",
                columns: new[] { "ClientId", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JarPolicyChanges");
        }
    }
}
