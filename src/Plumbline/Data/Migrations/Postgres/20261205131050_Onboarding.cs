using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Onboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProjectType",
                table: "Recommendations",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OnboardingCategoriesPerVisit",
                table: "ProviderSettings",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<string>(
                name: "OnboardingStartingCategoryIds",
                table: "ProviderSettings",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProjectType",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "OnboardingCategoriesPerVisit",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "OnboardingStartingCategoryIds",
                table: "ProviderSettings");
        }
    }
}
