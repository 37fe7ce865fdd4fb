import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from '../auth/session.js';
import { Shell } from '../layout/Shell.js';
import { AccountPage } from '../pages/account/AccountPage.js';
import { ActivitiesPage } from '../pages/activities/ActivitiesPage.js';
import { AuditLogPage } from '../pages/audit-log/AuditLogPage.js';
import { AuditPage } from '../pages/audits/AuditPage.js';
import { AuditsPage } from '../pages/audits/AuditsPage.js';
import { AcceptInvitePage } from '../pages/auth/AcceptInvitePage.js';
import { SignInPage } from '../pages/auth/SignInPage.js';
import { CheckPage } from '../pages/checks/CheckPage.js';
import { ChecksPage } from '../pages/checks/ChecksPage.js';
import { ControlPage } from '../pages/controls/ControlPage.js';
import { ControlsPage } from '../pages/controls/ControlsPage.js';
import { CoveragePage } from '../pages/coverage/CoveragePage.js';
import { CoverageRequirementsPage } from '../pages/coverage/CoverageRequirementsPage.js';
import { EvidencePage } from '../pages/evidence/EvidencePage.js';
import { FrameworkPage } from '../pages/frameworks/FrameworkPage.js';
import { FrameworksPage } from '../pages/frameworks/FrameworksPage.js';
import { RequirementPage } from '../pages/frameworks/RequirementPage.js';
import { IncidentPage } from '../pages/incidents/IncidentPage.js';
import { IncidentsPage } from '../pages/incidents/IncidentsPage.js';
import { OutagesPage } from '../pages/incidents/OutagesPage.js';
import { ManagementReviewPage } from '../pages/management-review/ManagementReviewPage.js';
import { ManagementReviewsPage } from '../pages/management-review/ManagementReviewsPage.js';
import { NonconformitiesPage } from '../pages/nonconformities/NonconformitiesPage.js';
import { NonconformityPage } from '../pages/nonconformities/NonconformityPage.js';
import { ObjectivesPage } from '../pages/objectives/ObjectivesPage.js';
import { OrganizationPage } from '../pages/organization/OrganizationPage.js';
import { NotFoundPage } from '../pages/overview/NotFoundPage.js';
import { OverviewPage } from '../pages/overview/OverviewPage.js';
import { PoliciesPage } from '../pages/policies/PoliciesPage.js';
import { PolicyPage } from '../pages/policies/PolicyPage.js';
import { ToReadPage } from '../pages/policies/ToReadPage.js';
import { QuestionnairePage } from '../pages/questionnaires/QuestionnairePage.js';
import { QuestionnairesPage } from '../pages/questionnaires/QuestionnairesPage.js';
import { AssetsPage } from '../pages/risks/AssetsPage.js';
import { RiskMatrixPage } from '../pages/risks/RiskMatrixPage.js';
import { RiskPage } from '../pages/risks/RiskPage.js';
import { RisksPage } from '../pages/risks/RisksPage.js';
import { InboxPage } from '../pages/tasks/InboxPage.js';
import { TasksPage } from '../pages/tasks/TasksPage.js';
import { TrustCenterPage } from '../pages/trust-center/TrustCenterPage.js';
import { TrustDocumentsPage } from '../pages/trust-documents/TrustDocumentsPage.js';
import { UsersPage } from '../pages/users/UsersPage.js';
import { VulnerabilitiesPage } from '../pages/vulnerabilities/VulnerabilitiesPage.js';
import { VulnerabilityImportPage } from '../pages/vulnerabilities/VulnerabilityImportPage.js';
import { VulnerabilityOverviewPage } from '../pages/vulnerabilities/VulnerabilityOverviewPage.js';
import { VulnerabilityPage } from '../pages/vulnerabilities/VulnerabilityPage.js';

function RequireSession({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (!session)
    return (
      <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  return <>{children}</>;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
        <Route
          element={
            <RequireSession>
              <Shell />
            </RequireSession>
          }
        >
          <Route index element={<OverviewPage />} />
          <Route path="organization" element={<OrganizationPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="audit-log" element={<AuditLogPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="frameworks" element={<FrameworksPage />} />
          <Route path="frameworks/:id" element={<FrameworkPage />} />
          <Route path="requirements/:id" element={<RequirementPage />} />
          <Route path="controls" element={<ControlsPage />} />
          <Route path="trust-center" element={<TrustCenterPage />} />
          <Route path="questionnaires" element={<QuestionnairesPage />} />
          <Route path="questionnaires/:id" element={<QuestionnairePage />} />
          <Route path="trust-documents" element={<TrustDocumentsPage />} />
          <Route path="controls/:id" element={<ControlPage />} />
          <Route path="coverage" element={<CoveragePage />} />
          <Route path="coverage/:frameworkId/:filter" element={<CoverageRequirementsPage />} />
          <Route path="policies" element={<PoliciesPage />} />
          <Route path="policies/:id" element={<PolicyPage />} />
          <Route path="to-read" element={<ToReadPage />} />
          <Route path="evidence" element={<EvidencePage />} />
          <Route path="checks" element={<ChecksPage />} />
          <Route path="checks/:id" element={<CheckPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="activities" element={<ActivitiesPage />} />
          <Route path="inbox" element={<InboxPage />} />
          <Route path="audits" element={<AuditsPage />} />
          <Route path="audits/:id" element={<AuditPage />} />
          <Route path="nonconformities" element={<NonconformitiesPage />} />
          <Route path="nonconformities/:id" element={<NonconformityPage />} />
          <Route path="objectives" element={<ObjectivesPage />} />
          <Route path="management-reviews" element={<ManagementReviewsPage />} />
          <Route path="management-reviews/:id" element={<ManagementReviewPage />} />
          <Route path="risks" element={<RisksPage />} />
          <Route path="risks/matrix" element={<RiskMatrixPage />} />
          <Route path="risks/:id" element={<RiskPage />} />
          <Route path="assets" element={<AssetsPage />} />
          <Route path="incidents" element={<IncidentsPage />} />
          <Route path="incidents/:id" element={<IncidentPage />} />
          <Route path="outages" element={<OutagesPage />} />
          <Route path="vulnerabilities" element={<VulnerabilitiesPage />} />
          <Route path="vulnerabilities/overview" element={<VulnerabilityOverviewPage />} />
          <Route path="vulnerabilities/import" element={<VulnerabilityImportPage />} />
          <Route path="vulnerabilities/:id" element={<VulnerabilityPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
