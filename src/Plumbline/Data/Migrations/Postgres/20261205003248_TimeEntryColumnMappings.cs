using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TimeEntryColumnMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TimeEntryColumnMappings",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ExternalIdColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompanyColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DateColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HoursColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkTypeColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BoardColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TicketTypeColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DateFormat = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeEntryColumnMappings", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TimeEntryColumnMappings");
        }
    }
}
