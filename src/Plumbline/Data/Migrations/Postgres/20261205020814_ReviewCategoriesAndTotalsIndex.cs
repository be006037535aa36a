using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewCategoriesAndTotalsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CompletedCategories",
                table: "Reviews",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntryMonthTotals_Covering",
                table: "TimeEntryMonthTotals",
                columns: new[] { "Month", "ClientId", "WorkTypeKey", "BoardKey", "TicketTypeKey", "HoursHundredths" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TimeEntryMonthTotals_Covering",
                table: "TimeEntryMonthTotals");

            migrationBuilder.DropColumn(
                name: "CompletedCategories",
                table: "Reviews");
        }
    }
}
