using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClientKnowledgeAndDesignDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProjectType",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DeskMarkupHardware",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 20m);

            migrationBuilder.AddColumn<decimal>(
                name: "DeskMarkupLabor",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 50m);

            migrationBuilder.AddColumn<decimal>(
                name: "DeskMarkupService",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 30m);

            migrationBuilder.AddColumn<decimal>(
                name: "DeskMarkupSoftware",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 15m);

            migrationBuilder.AddColumn<decimal>(
                name: "DeskTargetMargin",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 30m);

            migrationBuilder.AddColumn<decimal>(
                name: "LaborBillCloseOut",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 150m);

            migrationBuilder.AddColumn<decimal>(
                name: "LaborBillImplementation",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 150m);

            migrationBuilder.AddColumn<decimal>(
                name: "LaborBillProjectManagement",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 150m);

            migrationBuilder.AddColumn<decimal>(
                name: "LaborBillStandby",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 150m);

            migrationBuilder.AddColumn<decimal>(
                name: "LaborCostCloseOut",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 60m);

            migrationBuilder.AddColumn<decimal>(
                name: "LaborCostImplementation",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 60m);

            migrationBuilder.AddColumn<decimal>(
                name: "LaborCostProjectManagement",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 60m);

            migrationBuilder.AddColumn<decimal>(
                name: "LaborCostStandby",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 60m);

            migrationBuilder.AddColumn<int>(
                name: "OnboardingCategoriesPerVisit",
                table: "ProviderSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<string>(
                name: "OnboardingStartingCategoryIds",
                table: "ProviderSettings",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "EndpointsFromAssets",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Search = table.Column<string>(type: "TEXT", maxLength: 401, nullable: false),
                    Manufacturer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PurchasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WarrantyEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndOfLifeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnnualCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assets_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsDecisionMaker = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", nullable: false),
                    AgendaBuiltAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Decisions = table.Column<string>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TargetFiscalYear = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetQuarter = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetMarginOverride = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubscriptionMonthlyPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeclinedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandoffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeliveryHandoffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Proposals_Handoffs_DeliveryHandoffId",
                        column: x => x.DeliveryHandoffId,
                        principalTable: "Handoffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_Handoffs_HandoffId",
                        column: x => x.HandoffId,
                        principalTable: "Handoffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddressLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddressLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sites_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    UnitCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PricingMode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PricingPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Recurring = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalLines_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalRecommendations",
                columns: table => new
                {
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalRecommendations", x => new { x.ProposalId, x.RecommendationId });
                    table.ForeignKey(
                        name: "FK_ProposalRecommendations_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalRecommendations_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalSteps_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalVersions_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ClientId_Kind",
                table: "Assets",
                columns: new[] { "ClientId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ClientId",
                table: "Contacts",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_ClientId_Date",
                table: "Meetings",
                columns: new[] { "ClientId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Date",
                table: "Meetings",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_ReviewId",
                table: "Meetings",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalLines_ProposalId_Order",
                table: "ProposalLines",
                columns: new[] { "ProposalId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRecommendations_RecommendationId",
                table: "ProposalRecommendations",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSteps_ProposalId_Order",
                table: "ProposalSteps",
                columns: new[] { "ProposalId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalTemplates_Name",
                table: "ProposalTemplates",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalVersions_ProposalId_Number",
                table: "ProposalVersions",
                columns: new[] { "ProposalId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ClientId_Status",
                table: "Proposals",
                columns: new[] { "ClientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_DeliveryHandoffId",
                table: "Proposals",
                column: "DeliveryHandoffId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_HandoffId",
                table: "Proposals",
                column: "HandoffId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_UpdatedAt",
                table: "Proposals",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sites_ClientId",
                table: "Sites",
                column: "ClientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assets");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "ProposalLines");

            migrationBuilder.DropTable(
                name: "ProposalRecommendations");

            migrationBuilder.DropTable(
                name: "ProposalSteps");

            migrationBuilder.DropTable(
                name: "ProposalTemplates");

            migrationBuilder.DropTable(
                name: "ProposalVersions");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropColumn(
                name: "ProjectType",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "DeskMarkupHardware",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "DeskMarkupLabor",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "DeskMarkupService",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "DeskMarkupSoftware",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "DeskTargetMargin",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "LaborBillCloseOut",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "LaborBillImplementation",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "LaborBillProjectManagement",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "LaborBillStandby",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "LaborCostCloseOut",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "LaborCostImplementation",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "LaborCostProjectManagement",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "LaborCostStandby",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "OnboardingCategoriesPerVisit",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "OnboardingStartingCategoryIds",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "EndpointsFromAssets",
                table: "Clients");
        }
    }
}
