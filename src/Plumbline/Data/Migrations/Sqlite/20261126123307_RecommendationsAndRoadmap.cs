using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecommendationsAndRoadmap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ClientId",
                table: "Recommendations");

            migrationBuilder.AddColumn<DateTime>(
                name: "DecidedAt",
                table: "Recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionComment",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "LaborHours",
                table: "Recommendations",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "OneTimeCost",
                table: "Recommendations",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReadyToCloseAt",
                table: "Recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RecurringMonthlyCost",
                table: "Recommendations",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "TargetFiscalYear",
                table: "Recommendations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TargetQuarter",
                table: "Recommendations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Initiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Initiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Initiatives_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationStatusChange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationStatusChange_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OneTimeCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    RecurringMonthlyCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    LaborHours = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ClientId_TargetFiscalYear_TargetQuarter",
                table: "Recommendations",
                columns: new[] { "ClientId", "TargetFiscalYear", "TargetQuarter" });

            // SQLite cannot add a foreign key to an existing table, so EF's AddColumn + AddForeignKey rebuilt the whole
            // Recommendations table, and a rebuild turns PRAGMA foreign_keys off, which SQLite ignores inside a transaction: EF
            // ran that part outside the migration's transaction and warned at every fresh start (a kill there left a half-applied
            // migration). SQLite can add a column together with its reference when the column defaults to NULL, so the column and
            // its foreign key arrive in one ALTER TABLE inside the transaction. Same schema, same constraint name.
            migrationBuilder.Sql(
                "ALTER TABLE \"Recommendations\" ADD COLUMN \"InitiativeId\" TEXT NULL " +
                "CONSTRAINT \"FK_Recommendations_Initiatives_InitiativeId\" REFERENCES \"Initiatives\" (\"Id\") ON DELETE SET NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_InitiativeId",
                table: "Recommendations",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ClientId",
                table: "Initiatives",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationStatusChange_RecommendationId_At",
                table: "RecommendationStatusChange",
                columns: new[] { "RecommendationId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Recommendations_Initiatives_InitiativeId",
                table: "Recommendations");

            migrationBuilder.DropTable(
                name: "Initiatives");

            migrationBuilder.DropTable(
                name: "RecommendationStatusChange");

            migrationBuilder.DropTable(
                name: "RecommendationTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ClientId_TargetFiscalYear_TargetQuarter",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_InitiativeId",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "DecisionComment",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "InitiativeId",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "LaborHours",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "OneTimeCost",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ReadyToCloseAt",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "RecurringMonthlyCost",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "TargetFiscalYear",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "TargetQuarter",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ClientId",
                table: "Recommendations",
                column: "ClientId");
        }
    }
}
