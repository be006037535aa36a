using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VisitSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Visits",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Visits");
        }
    }
}
