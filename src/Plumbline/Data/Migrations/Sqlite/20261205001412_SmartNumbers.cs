using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SmartNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CategoriesPerTamPerQuarter",
                table: "ProviderSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<decimal>(
                name: "RhemTarget",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 0.35m);

            migrationBuilder.AddColumn<decimal>(
                name: "ServiceCostPerHour",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 85m);

            migrationBuilder.AddColumn<string>(
                name: "PsaCompanyId",
                table: "Clients",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClientEndpointCounts",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Endpoints = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientEndpointCounts", x => new { x.ClientId, x.Month });
                    table.ForeignKey(
                        name: "FK_ClientEndpointCounts_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PsaCompanyMatches",
                columns: table => new
                {
                    CompanyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MatchedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PsaCompanyMatches", x => x.CompanyKey);
                    table.ForeignKey(
                        name: "FK_PsaCompanyMatches_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReactiveClassifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ReactiveWorkTypes = table.Column<string>(type: "TEXT", nullable: false),
                    ReactiveBoards = table.Column<string>(type: "TEXT", nullable: false),
                    ReactiveTicketTypes = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReactiveClassifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewScoreCaches",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Weights = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewScoreCaches", x => x.ReviewId);
                    table.ForeignKey(
                        name: "FK_ReviewScoreCaches_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimeEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Company = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    WorkType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Board = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TicketType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimeEntries_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimeEntryMonthTotals",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkTypeKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BoardKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TicketTypeKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WorkType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Board = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TicketType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HoursHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    Entries = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeEntryMonthTotals", x => new { x.Month, x.ClientId, x.WorkTypeKey, x.BoardKey, x.TicketTypeKey });
                    table.ForeignKey(
                        name: "FK_TimeEntryMonthTotals_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PsaCompanyMatches_ClientId",
                table: "PsaCompanyMatches",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntries_ClientId_Company",
                table: "TimeEntries",
                columns: new[] { "ClientId", "Company" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntries_Month_ClientId",
                table: "TimeEntries",
                columns: new[] { "Month", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntries_Source_ExternalId",
                table: "TimeEntries",
                columns: new[] { "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntryMonthTotals_ClientId_Month",
                table: "TimeEntryMonthTotals",
                columns: new[] { "ClientId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientEndpointCounts");

            migrationBuilder.DropTable(
                name: "PsaCompanyMatches");

            migrationBuilder.DropTable(
                name: "ReactiveClassifications");

            migrationBuilder.DropTable(
                name: "ReviewScoreCaches");

            migrationBuilder.DropTable(
                name: "TimeEntries");

            migrationBuilder.DropTable(
                name: "TimeEntryMonthTotals");

            migrationBuilder.DropColumn(
                name: "CategoriesPerTamPerQuarter",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "RhemTarget",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "ServiceCostPerHour",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "PsaCompanyId",
                table: "Clients");
        }
    }
}
