using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Findings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientNote",
                table: "ReviewItems",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PendingRepairs",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingRepairs", x => x.Name);
                });

            // Two one-time repairs that need the app's own rules, so the next start-up runs them (Data/PendingRepairs): findings
            // rebuilt from the dated history of answers, and revisions recorded for a save that changed only line endings folded
            // into the revision before them. A migration's SQL could not apply those rules without copying them.
            migrationBuilder.InsertData(
                table: "PendingRepairs",
                column: "Name",
                values: new object[] { "findings-from-dated-history", "revisions-without-real-change" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingRepairs");

            migrationBuilder.DropColumn(
                name: "ClientNote",
                table: "ReviewItems");
        }
    }
}
