using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClientsAndReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "MrrPerMonthlyVisit",
                table: "ProviderSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "WeightHigh",
                table: "ProviderSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WeightLow",
                table: "ProviderSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WeightMedium",
                table: "ProviderSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Clients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSearch = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Mrr = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    Workstations = table.Column<int>(type: "INTEGER", nullable: false),
                    Servers = table.Column<int>(type: "INTEGER", nullable: false),
                    StorageGb = table.Column<int>(type: "INTEGER", nullable: false),
                    Endpoints = table.Column<int>(type: "INTEGER", nullable: true),
                    ContractStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SalesRep = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TamUserId = table.Column<string>(type: "TEXT", nullable: true),
                    VcioUserId = table.Column<string>(type: "TEXT", nullable: true),
                    FiscalYearStartMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitsPerYear = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clients_AspNetUsers_TamUserId",
                        column: x => x.TamUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Clients_AspNetUsers_VcioUserId",
                        column: x => x.VcioUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClientExceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientExceptions_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClientExceptions_Standards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "Standards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClientExclusions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientExclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientExclusions_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResolvedReviewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptedRiskReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Findings_Standards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "Standards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TamUserId = table.Column<string>(type: "TEXT", nullable: true),
                    VcioUserId = table.Column<string>(type: "TEXT", nullable: true),
                    TamDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VcioDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_AspNetUsers_TamUserId",
                        column: x => x.TamUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Reviews_AspNetUsers_VcioUserId",
                        column: x => x.VcioUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Reviews_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionFlags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionFlags_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PreviousAnswer = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    PreviousNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PreviousAnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreviousRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptedRiskReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewItems_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewItems_Standards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "Standards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientExceptions_ClientId_StandardId",
                table: "ClientExceptions",
                columns: new[] { "ClientId", "StandardId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClientExceptions_StandardId",
                table: "ClientExceptions",
                column: "StandardId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientExclusions_ClientId_Scope_TargetId",
                table: "ClientExclusions",
                columns: new[] { "ClientId", "Scope", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clients_NameSearch",
                table: "Clients",
                column: "NameSearch");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_TamUserId",
                table: "Clients",
                column: "TamUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_VcioUserId",
                table: "Clients",
                column: "VcioUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ReviewId_StandardId",
                table: "Evidence",
                columns: new[] { "ReviewId", "StandardId" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_ClientId_ResolvedOn",
                table: "Findings",
                columns: new[] { "ClientId", "ResolvedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_ClientId_StandardId",
                table: "Findings",
                columns: new[] { "ClientId", "StandardId" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_StandardId",
                table: "Findings",
                column: "StandardId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionFlags_ReviewId_StandardId",
                table: "QuestionFlags",
                columns: new[] { "ReviewId", "StandardId" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionFlags_StandardId_Closed",
                table: "QuestionFlags",
                columns: new[] { "StandardId", "Closed" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ClientId",
                table: "Recommendations",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_ClientId_StandardId_AsOf",
                table: "ReviewItems",
                columns: new[] { "ClientId", "StandardId", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_ReviewId_StandardId",
                table: "ReviewItems",
                columns: new[] { "ReviewId", "StandardId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_StandardId",
                table: "ReviewItems",
                column: "StandardId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ClientId_AsOf",
                table: "Reviews",
                columns: new[] { "ClientId", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Status_AsOf",
                table: "Reviews",
                columns: new[] { "Status", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_TamUserId",
                table: "Reviews",
                column: "TamUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_VcioUserId",
                table: "Reviews",
                column: "VcioUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientExceptions");

            migrationBuilder.DropTable(
                name: "ClientExclusions");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "QuestionFlags");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "ReviewItems");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "Clients");

            migrationBuilder.DropColumn(
                name: "MrrPerMonthlyVisit",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "WeightHigh",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "WeightLow",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "WeightMedium",
                table: "ProviderSettings");
        }
    }
}
