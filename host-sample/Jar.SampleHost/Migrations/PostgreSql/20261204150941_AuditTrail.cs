using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jar.SampleHost.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "JarDecisionRecords",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "JarDecisionRecords",
                type: "character varying(43)",
                maxLength: 43,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntentHash",
                table: "JarDecisionRecords",
                type: "character varying(43)",
                maxLength: 43,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "JarDecisionRecords",
                type: "character varying(43)",
                maxLength: 43,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "JarDecisionRecords",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestObject",
                table: "JarDecisionRecords",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scopes",
                table: "JarDecisionRecords",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "JarDecisionRecords",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Step",
                table: "JarDecisionRecords",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Request");

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "JarDecisionRecords",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TokenIds",
                table: "JarDecisionRecords",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrailId",
                table: "JarDecisionRecords",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JarDecisionChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JarDecisionChainHeads", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "JarDecisionChainHeads",
                columns: new[] { "Id", "Hash", "Sequence" },
                values: new object[] { 1, "", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_JarDecisionRecords_IntentHash",
                table: "JarDecisionRecords",
                column: "IntentHash");

            migrationBuilder.CreateIndex(
                name: "IX_JarDecisionRecords_RequestObjectHash",
                table: "JarDecisionRecords",
                column: "RequestObjectHash");

            migrationBuilder.CreateIndex(
                name: "IX_JarDecisionRecords_Sequence",
                table: "JarDecisionRecords",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JarDecisionRecords_TrailId",
                table: "JarDecisionRecords",
                column: "TrailId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JarDecisionChainHeads");

            migrationBuilder.DropIndex(
                name: "IX_JarDecisionRecords_IntentHash",
                table: "JarDecisionRecords");

            migrationBuilder.DropIndex(
                name: "IX_JarDecisionRecords_RequestObjectHash",
                table: "JarDecisionRecords");

            migrationBuilder.DropIndex(
                name: "IX_JarDecisionRecords_Sequence",
                table: "JarDecisionRecords");

            migrationBuilder.DropIndex(
                name: "IX_JarDecisionRecords_TrailId",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "IntentHash",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "RequestObject",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "Scopes",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "Step",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "TokenIds",
                table: "JarDecisionRecords");

            migrationBuilder.DropColumn(
                name: "TrailId",
                table: "JarDecisionRecords");
        }
    }
}
