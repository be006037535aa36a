using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HandoffPriorityDueOnPsaTicket : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "Handoffs",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "Handoffs",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                // Hand-offs made before priorities existed are Medium, the default; the model itself has no database default,
                // because EF would then store High (the enum's zero) as the default instead.
                defaultValue: "Medium");

            migrationBuilder.AddColumn<string>(
                name: "PsaTicket",
                table: "Handoffs",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "PsaTicket",
                table: "Handoffs");
        }
    }
}
