using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RelatedStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RelatedStandardIds",
                table: "Standards",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<Guid>(
                name: "ReplacedByStandardId",
                table: "Standards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Standards_ReplacedByStandardId",
                table: "Standards",
                column: "ReplacedByStandardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Standards_ReplacedByStandardId",
                table: "Standards");

            migrationBuilder.DropColumn(
                name: "RelatedStandardIds",
                table: "Standards");

            migrationBuilder.DropColumn(
                name: "ReplacedByStandardId",
                table: "Standards");
        }
    }
}
