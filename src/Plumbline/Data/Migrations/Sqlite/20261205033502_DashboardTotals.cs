using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientMonthTotals",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReactiveHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalHundredths = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientMonthTotals", x => new { x.Month, x.ClientId });
                    table.ForeignKey(
                        name: "FK_ClientMonthTotals_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Pipeline",
                table: "Recommendations",
                columns: new[] { "Status", "ClientId", "OneTimeCost", "RecurringMonthlyCost" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientMonthTotals_ClientId_Month",
                table: "ClientMonthTotals",
                columns: new[] { "ClientId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientMonthTotals");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Pipeline",
                table: "Recommendations");
        }
    }
}
