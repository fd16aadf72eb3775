import { AdminPage } from './components/admin/AdminPage'
import { HomePage } from './components/HomePage'
import { JoinPage } from './components/JoinPage'
import { SessionPage } from './components/SessionPage'
import { ReportPage } from './components/report/ReportPage'
import { StagePage } from './components/stage/StagePage'
import { SurveyPage } from './components/survey/SurveyPage'
import { useRoute } from './route'

export function App() {
  const route = useRoute()
  switch (route.page) {
    case 'home':
      return <HomePage />
    case 'join':
      return <JoinPage key={route.token} token={route.token} />
    case 'session':
      return <SessionPage key={route.sessionId} sessionId={route.sessionId} />
    case 'stage':
      return <StagePage key={route.sessionId} sessionId={route.sessionId} />
    case 'report':
      return <ReportPage key={route.sessionId} sessionId={route.sessionId} />
    case 'survey':
      return <SurveyPage key={route.sessionId} sessionId={route.sessionId} />
    case 'admin':
      return <AdminPage />
    case 'missing':
      return (
        <main className="narrow">
          <h1>Page not found</h1>
          <p>
            Open the invitation link you were sent, or <a href="/">create a session</a>.
          </p>
        </main>
      )
  }
}
